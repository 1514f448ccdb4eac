<?php
/*
 * Makes sure the seeded editor has a working application password for the gateway's previews, and that
 * <password file> holds it: a password that still signs the editor in is kept; otherwise (a fresh seed,
 * a revoked password) the old ones of that application are deleted and a new one is made and written.
 *
 *   php app-password.php <site dir> <seed.json> <password file>
 *
 * Called by setup.sh after seeding, with a umask that keeps the file readable by its owner only. Prints
 * nothing: the password goes to the file alone.
 */
if ($argc !== 4) {
    fwrite(STDERR, "usage: php app-password.php <site dir> <seed.json> <password file>\n");
    exit(2);
}
[, $site_dir, $seed_file, $password_file] = $argv;
$seed = json_decode(file_get_contents($seed_file), true, 512, JSON_THROW_ON_ERROR);

$_SERVER['HTTP_HOST'] = '127.0.0.1';
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['SERVER_NAME'] = '127.0.0.1';
$_SERVER['SERVER_PORT'] = '80';
require $site_dir . '/wp-load.php';

$login = $seed['preview']['editor']['slug'];
$application = $seed['preview']['applicationName'];
$user = get_user_by('login', $login);
if (!$user) {
    fwrite(STDERR, "app-password: the site has no user $login; seed it first\n");
    exit(1);
}
// WordPress allows application passwords over plain HTTP only on a local site (WP_ENVIRONMENT_TYPE).
if (!wp_is_application_passwords_available_for_user($user)) {
    fwrite(STDERR, "app-password: application passwords are not available for $login (is WP_ENVIRONMENT_TYPE 'local'?)\n");
    exit(1);
}

$known = is_readable($password_file) ? trim((string) file_get_contents($password_file)) : '';
if ($known !== '') {
    foreach (WP_Application_Passwords::get_user_application_passwords($user->ID) as $item) {
        if ($item['name'] === $application && wp_check_password(preg_replace('/[^a-z\d]/i', '', $known), $item['password'], $user->ID)) {
            exit(0);
        }
    }
}
foreach (WP_Application_Passwords::get_user_application_passwords($user->ID) as $item) {
    if ($item['name'] === $application) {
        WP_Application_Passwords::delete_application_password($user->ID, $item['uuid']);
    }
}
$created = WP_Application_Passwords::create_new_application_password($user->ID, ['name' => $application]);
if (is_wp_error($created)) {
    fwrite(STDERR, 'app-password: ' . $created->get_error_message() . "\n");
    exit(1);
}
// Shown in groups of four, as WordPress shows it to the user creating it; WordPress ignores the spaces.
if (file_put_contents($password_file, WP_Application_Passwords::chunk_password($created[0]) . "\n") === false) {
    fwrite(STDERR, "app-password: cannot write $password_file\n");
    exit(1);
}
