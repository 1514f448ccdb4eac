<?php
/*
 * Router for PHP's built-in server: does what WordPress's .htaccess rewrite rules do under Apache.
 * Existing files (static assets, wp-admin/*.php, wp-login.php) are served as they are; every other path
 * (pretty permalinks such as /wp-json/wp/v2/posts or /2025/06/some-post/) goes to WordPress's front
 * controller, index.php, which routes it from REQUEST_URI.
 */
$docroot = rtrim($_SERVER['DOCUMENT_ROOT'], '/');
$path = rawurldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH) ?? '/');

if (strpos($path, "\0") === false && strpos($path, '..') === false) {
    $target = $docroot . $path;
    if (is_file($target)) {
        return false;
    }
    if (is_dir($target) && is_file(rtrim($target, '/') . '/index.php')) {
        return false;
    }
}

$_SERVER['SCRIPT_NAME'] = '/index.php';
$_SERVER['PHP_SELF'] = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $docroot . '/index.php';
chdir($docroot);
require $docroot . '/index.php';
