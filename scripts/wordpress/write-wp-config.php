<?php
/*
 * Prints the contract-test site's wp-config.php. Settings come from the environment (setup.sh sets them);
 * every value is written with var_export, so no quoting can break the file.
 */
$setting = static function (string $name): string {
    $value = getenv($name);
    if ($value === false || $value === '') {
        fwrite(STDERR, "write-wp-config: $name is not set\n");
        exit(1);
    }
    return $value;
};
$export = static fn (string $value): string => var_export($value, true);
$salt = static fn (): string => var_export(bin2hex(random_bytes(32)), true);

$db_name = $export($setting('DB_NAME'));
$db_user = $export($setting('DB_USER'));
$db_password = $export($setting('DB_PASSWORD'));
$db_host = $export('localhost:' . $setting('DB_SOCKET'));
$error_log = $export($setting('ERROR_LOG'));

$salts = '';
foreach (['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT'] as $key) {
    $salts .= "define('$key', {$salt()});\n";
}

echo <<<PHP
<?php
/* Written by scripts/wordpress/setup.sh for the contract tests; rewritten on every setup. */
define('DB_NAME', $db_name);
define('DB_USER', $db_user);
define('DB_PASSWORD', $db_password);
define('DB_HOST', $db_host);
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
\$table_prefix = 'wp_';
$salts
/*
 * The site answers at whatever loopback address it is reached by (PHP's server on a port picked at test
 * time, or a counting proxy in front of it), so every link WordPress prints points where the client came
 * from. Only sane host headers are taken; anything else falls back to 127.0.0.1.
 */
\$newsroom_host = isset(\$_SERVER['HTTP_HOST']) && preg_match('/^[A-Za-z0-9.\\-]+(:[0-9]{1,5})?$/', \$_SERVER['HTTP_HOST'])
    ? \$_SERVER['HTTP_HOST'] : '127.0.0.1';
define('WP_HOME', 'http://' . \$newsroom_host);
define('WP_SITEURL', 'http://' . \$newsroom_host);

/* Nothing may call out or run behind the tests' backs: a cron spawn would be an extra, uncounted request. */
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_AUTO_UPDATE_CORE', false);
define('WP_HTTP_BLOCK_EXTERNAL', true);
/* 'local' also lets application passwords (the gateway's preview login) work over this loopback plain HTTP;
   any other site allows them over HTTPS only. */
define('WP_ENVIRONMENT_TYPE', 'local');

/* PHP notices must never end up inside a JSON body; they go to the work directory's log instead. */
define('WP_DEBUG', false);
define('WP_DEBUG_DISPLAY', false);
ini_set('display_errors', '0');
ini_set('log_errors', '1');
ini_set('error_log', $error_log);

if (!defined('ABSPATH')) {
    define('ABSPATH', __DIR__ . '/');
}
require_once ABSPATH . 'wp-settings.php';

PHP;
