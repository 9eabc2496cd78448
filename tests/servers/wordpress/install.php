<?php
// Installs WordPress without a browser and prints the admin's Application Password as JSON.
// Arguments: config name, site URL, admin user, admin password.
[, $config, $url, $user, $password] = $argv;
$_SERVER['WORDPRESS_CONFIG'] = $config;
$_SERVER['HTTP_HOST'] = parse_url($url, PHP_URL_HOST) . ':' . parse_url($url, PHP_URL_PORT);
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
define('WP_INSTALLING', true);

require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';

$installed = wp_install('Commonplace test blog', $user, $user . '@example.invalid', false, '', wp_slash($password));
// Pretty permalinks, so that /wp-json/ answers as on most real blogs (plain permalinks answer HTML there).
update_option('permalink_structure', '/%year%/%monthnum%/%day%/%postname%/');
flush_rewrite_rules();

// The theme the themed preview's tests expect (Debian's wordpress-theme-twentytwentythree).
$theme = wp_get_theme('twentytwentythree');
if (!$theme->exists()) {
    fwrite(STDERR, "The twentytwentythree theme is not installed (apt-get install wordpress-theme-twentytwentythree).\n");
    exit(1);
}
switch_theme('twentytwentythree');

// A contributor too: the role that may write but not publish, for permission tests.
$contributor = wp_insert_user([
    'user_login' => 'contributor',
    'user_pass' => wp_generate_password(24),
    'user_email' => 'contributor@example.invalid',
    'role' => 'contributor',
]);
if (is_wp_error($contributor)) {
    fwrite(STDERR, $contributor->get_error_message() . "\n");
    exit(1);
}

$passwords = [];
foreach (['admin' => $installed['user_id'], 'contributor' => $contributor] as $who => $id) {
    $created = WP_Application_Passwords::create_new_application_password($id, ['name' => 'commonplace-tests']);
    if (is_wp_error($created)) {
        fwrite(STDERR, $created->get_error_message() . "\n");
        exit(1);
    }
    $passwords[$who] = $created[0];
}
echo json_encode(['applicationPassword' => $passwords['admin'], 'contributorApplicationPassword' => $passwords['contributor']]), "\n";
