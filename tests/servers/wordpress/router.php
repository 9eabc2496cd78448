<?php
// Router for PHP's built-in server: `php -S` does not pass environment variables into $_SERVER,
// and Debian's wp-config.php picks /etc/wordpress/config-$_SERVER['WORDPRESS_CONFIG'].php, so the
// per-instance config name is copied here. Everything that is not a file becomes a pretty permalink.
$_SERVER['WORDPRESS_CONFIG'] = getenv('COMMONPLACE_WORDPRESS_CONFIG');

$root = $_SERVER['DOCUMENT_ROOT'];
$path = rawurldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH) ?? '/');

if (is_dir($root . $path)) {
    if (substr($path, -1) !== '/') {
        header('Location: ' . $path . '/', true, 301);
        return true;
    }
    $path .= 'index.php';
}

if (is_file($root . $path)) {
    if (substr($path, -4) !== '.php') {
        return false;
    }
    $_SERVER['SCRIPT_NAME'] = $path;
    $_SERVER['PHP_SELF'] = $path;
    $_SERVER['SCRIPT_FILENAME'] = $root . $path;
    chdir(dirname($root . $path));
    require $root . $path;
    return true;
}

$_SERVER['SCRIPT_NAME'] = '/index.php';
$_SERVER['PHP_SELF'] = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $root . '/index.php';
chdir($root);
require $root . '/index.php';
