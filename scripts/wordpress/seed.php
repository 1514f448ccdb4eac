<?php
/*
 * Installs WordPress into an empty database and seeds it from seed.json, the way an editor would: authors
 * write their own posts (so WordPress's own filters run on titles, excerpts and bodies), featured images
 * are real uploads with generated sizes. Prints a manifest (ids by slug, versions) as JSON on stdout.
 *
 *   php seed.php <site dir> <seed.json> <fingerprint>
 *
 * Called by setup.sh, which gives it an empty database whenever the seed or the packages changed.
 */
if ($argc !== 4) {
    fwrite(STDERR, "usage: php seed.php <site dir> <seed.json> <fingerprint>\n");
    exit(2);
}
[, $site_dir, $seed_file, $fingerprint] = $argv;
$seed = json_decode(file_get_contents($seed_file), true, 512, JSON_THROW_ON_ERROR);

// A web request's view of the world, so WordPress computes URLs and loads as it would under a server.
$_SERVER['HTTP_HOST'] = '127.0.0.1';
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['SERVER_NAME'] = '127.0.0.1';
$_SERVER['SERVER_PORT'] = '80';
define('WP_INSTALLING', true);
// Installing and adding users would send mail; there is no mail here, and no one to read it. WordPress only
// defines its pluggable wp_mail when none exists yet.
function wp_mail()
{
    return true;
}

require $site_dir . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/image.php';

function fail(string $message): void
{
    fwrite(STDERR, "seed: $message\n");
    exit(1);
}

function check($result, string $what)
{
    if (is_wp_error($result)) {
        fail("$what: " . $result->get_error_message());
    }
    if ($result === 0 || $result === false) {
        fail("$what failed");
    }
    return $result;
}

/** WordPress's insert functions expect slashed input (they unslash it), as it comes from a form post. */
function slashed(array $data): array
{
    return wp_slash($data);
}

// Seeding makes no HTTP request: wp_install's permalink check would otherwise probe http://127.0.0.1/.
add_filter('pre_http_request', static fn () => new WP_Error('newsroom_seed_offline', 'no HTTP requests while seeding'));

if (is_blog_installed()) {
    fail('the database already holds a WordPress install; setup.sh gives seed.php an empty one');
}

// wp_install's own permalink check fails (no HTTP, see above), so it leaves plain links; the structure is
// set below.
$install = wp_install($seed['site']['title'], 'admin', 'admin@newsroom.test', true, '', wp_generate_password(32), 'en_US');
$admin_id = (int) $install['user_id'];

update_option('blogdescription', $seed['site']['tagline']);
update_option('timezone_string', 'UTC');
update_option('gmt_offset', 0);
update_option('posts_per_page', 10);
// The rewrite rules are rebuilt from the structure on the first web request, when the REST API's own rules
// are registered too.
global $wp_rewrite;
$wp_rewrite->set_permalink_structure($seed['site']['permalinkStructure']);
delete_option('rewrite_rules');
if (wp_get_theme($seed['site']['theme'])->exists()) {
    switch_theme($seed['site']['theme']);
} else {
    fail("theme {$seed['site']['theme']} is not installed");
}

// wp_install's sample content: its "Hello world!" post and "Sample Page" would be noise in every listing.
foreach (get_posts(['post_type' => ['post', 'page'], 'post_status' => 'any', 'numberposts' => -1]) as $sample) {
    wp_delete_post($sample->ID, true);
}

$manifest = [
    'fingerprint' => $fingerprint,
    'wordpress' => get_bloginfo('version'),
    'php' => PHP_VERSION,
    'database' => $GLOBALS['wpdb']->db_server_info(),
    'theme' => get_stylesheet(),
    'authors' => [],
    'categories' => [],
    'tags' => [],
    'media' => [],
    'posts' => [],
];

foreach ($seed['authors'] as $author) {
    $id = check(wp_insert_user(slashed([
        'user_login' => $author['slug'],
        'user_nicename' => $author['slug'],
        'display_name' => $author['name'],
        'nickname' => $author['name'],
        'first_name' => explode(' ', $author['name'])[0],
        'description' => $author['bio'],
        'user_email' => $author['slug'] . '@newsroom.test',
        'user_pass' => wp_generate_password(32),
        'role' => 'author',
    ])), "author {$author['slug']}");
    $manifest['authors'][$author['slug']] = $id;
}

foreach (['categories' => 'category', 'tags' => 'post_tag'] as $key => $taxonomy) {
    foreach ($seed[$key] as $term) {
        $args = ['slug' => $term['slug'], 'description' => $term['description']];
        if (!empty($term['parent'])) {
            $args['parent'] = $manifest[$key][$term['parent']] ?? fail("parent {$term['parent']} of {$term['slug']} must come first");
        }
        $result = check(wp_insert_term(wp_slash($term['name']), $taxonomy, slashed($args)), "$taxonomy {$term['slug']}");
        $manifest[$key][$term['slug']] = (int) $result['term_id'];
    }
}

$images = [];
foreach ($seed['images'] as $image) {
    $images[$image['key']] = $image;
}

/** A real JPEG, made with GD, so WordPress generates its sizes as it does for an upload. */
function upload_image(array $image, int $parent_id, string $date): int
{
    // Filed under the post's month, as WordPress files an upload made while writing it.
    $uploads = wp_upload_dir(substr($date, 0, 4) . '/' . substr($date, 5, 2));
    if (!empty($uploads['error'])) {
        fail('uploads: ' . $uploads['error']);
    }
    $file = $uploads['path'] . '/' . $image['key'] . '.jpg';
    $canvas = imagecreatetruecolor($image['width'], $image['height']);
    imagefill($canvas, 0, 0, imagecolorallocate($canvas, ...$image['rgb']));
    imagejpeg($canvas, $file, 80);
    imagedestroy($canvas);

    $attachment_id = check(wp_insert_attachment(slashed([
        'post_mime_type' => 'image/jpeg',
        'post_title' => $image['title'],
        'post_excerpt' => $image['caption'],
        'post_content' => '',
        'post_status' => 'inherit',
        'post_date' => $date,
        'post_date_gmt' => $date,
    ]), $file, $parent_id, true), "image {$image['key']}");
    wp_update_attachment_metadata($attachment_id, wp_generate_attachment_metadata($attachment_id, $file));
    update_post_meta($attachment_id, '_wp_attachment_image_alt', wp_slash($image['alt']));
    return $attachment_id;
}

/** Block-editor markup, as WordPress 6 stores a post written in the editor. */
function block_content(array $paragraphs, ?int $more_after): string
{
    $blocks = [];
    foreach ($paragraphs as $index => $paragraph) {
        $blocks[] = "<!-- wp:paragraph -->\n<p>" . $paragraph . "</p>\n<!-- /wp:paragraph -->";
        if ($more_after !== null && $index + 1 === $more_after) {
            $blocks[] = "<!-- wp:more -->\n<!--more-->\n<!-- /wp:more -->";
        }
    }
    return implode("\n\n", $blocks);
}

foreach ($seed['posts'] as $post) {
    $author_id = $manifest['authors'][$post['author']] ?? fail("unknown author {$post['author']}");
    // Authors write their own posts: WordPress then applies the same content filters (kses) as in the editor.
    wp_set_current_user($author_id);
    $date = gmdate('Y-m-d H:i:s', strtotime($post['date']));
    $paragraphs = $post['paragraphs'];
    if ($post['status'] === 'publish' && empty($post['password'])) {
        $paragraphs = array_merge($paragraphs, $seed['site']['context']);
    }
    $categories = array_map(fn ($slug) => $manifest['categories'][$slug] ?? fail("unknown category $slug"), $post['categories']);
    $tags = array_map(fn ($slug) => $manifest['tags'][$slug] ?? fail("unknown tag $slug"), $post['tags']);

    $id = check(wp_insert_post(slashed([
        'post_type' => 'post',
        'post_name' => $post['slug'],
        'post_title' => $post['title'],
        'post_excerpt' => $post['excerpt'] ?? '',
        'post_content' => block_content($paragraphs, $post['moreAfter'] ?? null),
        'post_status' => $post['status'],
        'post_password' => $post['password'] ?? '',
        'post_author' => $author_id,
        'post_date' => $date,
        'post_date_gmt' => $date,
        'post_category' => $categories,
        'comment_status' => 'closed',
    ]), true), "post {$post['slug']}");
    check(wp_set_post_terms($id, $tags, 'post_tag'), "tags of {$post['slug']}");

    $stored = get_post($id);
    if ($stored->post_status !== $post['status'] || $stored->post_name !== $post['slug']) {
        fail("post {$post['slug']} was stored as {$stored->post_name} ({$stored->post_status})");
    }
    if (!empty($post['image'])) {
        $image = $images[$post['image']] ?? fail("unknown image {$post['image']}");
        $attachment_id = $manifest['media'][$post['image']] ?? upload_image($image, $id, $date);
        $manifest['media'][$post['image']] = $attachment_id;
        set_post_thumbnail($id, $attachment_id);
    }
    $manifest['posts'][$post['slug']] = $id;
}

// What previews need (seed.json's `preview`): an editor, unsaved changes to a published post, and a draft
// that nobody named. The editor's application password is made by setup.sh (app-password.php), after this.
$preview = $seed['preview'];
$editor_id = check(wp_insert_user(slashed([
    'user_login' => $preview['editor']['slug'],
    'user_nicename' => $preview['editor']['slug'],
    'display_name' => $preview['editor']['name'],
    'nickname' => $preview['editor']['name'],
    'user_email' => $preview['editor']['slug'] . '@newsroom.test',
    'user_pass' => wp_generate_password(32),
    'role' => 'editor',
])), "editor {$preview['editor']['slug']}");

// The editor edits a published post and leaves it unsaved: WordPress keeps that as the editor's autosave,
// a revision dated now, so newer than the post.
wp_set_current_user($editor_id);
$autosaved_id = $manifest['posts'][$preview['autosave']['post']] ?? fail("unknown post {$preview['autosave']['post']} for the autosave");
$autosave_id = check(_wp_put_post_revision([
    'ID' => $autosaved_id,
    'post_title' => $preview['autosave']['title'],
    'post_excerpt' => $preview['autosave']['excerpt'],
    'post_content' => block_content($preview['autosave']['paragraphs'], null),
], true), 'autosave');
if (!wp_is_post_autosave($autosave_id)) {
    fail("the autosave of {$preview['autosave']['post']} was stored as another kind of revision");
}

// A draft saved without a slug: WordPress gives a draft none until it is published.
$unnamed = $preview['unnamedDraft'];
$unnamed_author = $manifest['authors'][$unnamed['author']] ?? fail("unknown author {$unnamed['author']}");
wp_set_current_user($unnamed_author);
$unnamed_date = gmdate('Y-m-d H:i:s', strtotime($unnamed['date']));
$unnamed_id = check(wp_insert_post(slashed([
    'post_type' => 'post',
    'post_title' => $unnamed['title'],
    'post_content' => block_content($unnamed['paragraphs'], null),
    'post_status' => 'draft',
    'post_author' => $unnamed_author,
    'post_date' => $unnamed_date,
    'post_date_gmt' => $unnamed_date,
    'post_category' => array_map(fn ($slug) => $manifest['categories'][$slug] ?? fail("unknown category $slug"), $unnamed['categories']),
    'comment_status' => 'closed',
]), true), 'unnamed draft');
if (get_post($unnamed_id)->post_name !== '') {
    fail('the unnamed draft was given a slug');
}
$manifest['preview'] = [
    'editor' => $preview['editor']['slug'],
    'editorId' => $editor_id,
    'autosavedPostId' => $autosaved_id,
    'autosaveId' => $autosave_id,
    'unnamedDraftId' => $unnamed_id,
];
wp_set_current_user(0);

// Stored last: setup.sh treats a database with this fingerprint as completely seeded.
update_option('newsroom_seed_fingerprint', $fingerprint);
echo json_encode($manifest, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE), "\n";
