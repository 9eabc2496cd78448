<?php
// Prints the blog's WordPress export (WXR), as Tools > Export writes it: WordPress's own export_wp().
// Arguments: config name, site URL.
[, $config, $url] = $argv;
$_SERVER['WORDPRESS_CONFIG'] = $config;
$_SERVER['HTTP_HOST'] = parse_url($url, PHP_URL_HOST) . ':' . parse_url($url, PHP_URL_PORT);
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';

require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/export.php';

export_wp(['content' => 'all']);
