<?php
/*
 * Plugin Name: Newsroom contract-test switches
 * Description: Lets serve.sh run the one seeded site as a differently configured WordPress, per server
 * process, without reseeding: WORDPRESS_THEME=<installed theme> serves it under another theme (themes
 * change excerpt markup), WORDPRESS_PERMALINKS=plain serves it as a site without pretty permalinks
 * (no /wp-json/ path; the REST API answers at ?rest_route= only). Installed as a must-use plugin by setup.sh.
 */
$newsroom_theme = getenv('WORDPRESS_THEME');
if (is_string($newsroom_theme) && $newsroom_theme !== '') {
    add_filter('pre_option_stylesheet', static fn () => $newsroom_theme);
    add_filter('pre_option_template', static fn () => $newsroom_theme);
}

if (getenv('WORDPRESS_PERMALINKS') === 'plain') {
    add_filter('pre_option_permalink_structure', static fn () => '');
    add_filter('pre_option_rewrite_rules', static fn () => []);
}
