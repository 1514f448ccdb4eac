<?php
/**
 * Plugin Name: Newsroom gateway purge
 * Description: Tells the newsroom GraphQL gateway which content changed (posts, authors, categories and tags), so its caches and the CDN drop it.
 * Version: 1.0.0
 * Requires PHP: 7.4
 * License: UNLICENSED
 *
 * Install as a must-use plugin: copy this file to wp-content/mu-plugins/. Configure it in wp-config.php:
 *
 *     define( 'NEWSROOM_GATEWAY_URL', 'https://gateway.internal.example.com' );
 *     define( 'NEWSROOM_GATEWAY_WEBHOOK_SECRET', '...the gateway's WEBHOOK_SECRET...' );
 *
 * or with environment variables of the same names (constants win). Without both it does nothing.
 *
 * What it sends: one signed POST to <gateway>/webhooks/content-changed per WordPress request that changed
 * something, at the end of that request, naming every changed item once:
 *   - a post that is, or was, published: any save, slug change (old and new slug), unpublish, trash, delete;
 *   - an author whose profile changed, or who was deleted;
 *   - a category or tag that was edited or deleted.
 * Signature: X-Signature-Timestamp (Unix seconds) and X-Signature: sha256=HMAC-SHA256("<timestamp>.<body>").
 *
 * Why at the end of the request, and blocking: a save touches the post, then its terms and meta, in
 * several hooks; one call after all of them purges once, and purges what the database now holds. Under
 * PHP-FPM (and LiteSpeed) the editor's response is sent first, so the call never slows a save down; a
 * failed call is retried once and then logged (PHP's error log), never shown to the editor.
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

final class Newsroom_Gateway_Purge {
	const TIMEOUT_SECONDS = 3;
	const MAX_ITEMS       = 100; // The gateway's limit per call; more are sent in further calls.

	/** @var array<string, array{type: string, id: string, slug?: string}> Pending items, keyed so each is sent once. */
	private static $pending = array();
	private static $registered = false;

	public static function setting( $name ) {
		if ( defined( $name ) ) {
			return (string) constant( $name );
		}
		$value = getenv( $name );
		return is_string( $value ) ? $value : '';
	}

	public static function enabled() {
		return '' !== self::setting( 'NEWSROOM_GATEWAY_URL' ) && '' !== self::setting( 'NEWSROOM_GATEWAY_WEBHOOK_SECRET' );
	}

	public static function queue( $type, $id, $slug = '' ) {
		if ( ! self::enabled() ) {
			return;
		}
		$item = array( 'type' => $type, 'id' => (string) $id );
		// WordPress keeps a trashed post's slug as "<slug>__trashed"; the slug readers knew is the one to purge.
		$slug = preg_replace( '/__trashed(-\d+)?$/', '', (string) $slug );
		if ( '' !== $slug ) {
			$item['slug'] = rawurldecode( $slug ); // post_name stores non-ASCII slugs percent-encoded.
		}
		self::$pending[ $type . ':' . $item['id'] . ':' . ( $item['slug'] ?? '' ) ] = $item;
		if ( ! self::$registered ) {
			self::$registered = true;
			add_action( 'shutdown', array( __CLASS__, 'flush' ), PHP_INT_MAX );
		}
	}

	public static function flush() {
		$items         = array_values( self::$pending );
		self::$pending = array();
		if ( ! $items ) {
			return;
		}
		if ( function_exists( 'fastcgi_finish_request' ) ) {
			fastcgi_finish_request();
		} elseif ( function_exists( 'litespeed_finish_request' ) ) {
			litespeed_finish_request();
		}
		foreach ( array_chunk( $items, self::MAX_ITEMS ) as $chunk ) {
			self::send( $chunk );
		}
	}

	private static function send( array $items ) {
		$url    = rtrim( self::setting( 'NEWSROOM_GATEWAY_URL' ), '/' ) . '/webhooks/content-changed';
		$body   = wp_json_encode( $items );
		$failed = '';
		for ( $attempt = 1; $attempt <= 2; $attempt++ ) {
			// Signed per attempt: the timestamp is the time of sending.
			$timestamp = (string) time();
			$response  = wp_remote_post( $url, array(
				'headers'     => array(
					'Content-Type'          => 'application/json',
					'X-Signature-Timestamp' => $timestamp,
					'X-Signature'           => 'sha256=' . hash_hmac( 'sha256', $timestamp . '.' . $body, self::setting( 'NEWSROOM_GATEWAY_WEBHOOK_SECRET' ) ),
				),
				'body'        => $body, // Signed exactly as sent.
				'timeout'     => self::TIMEOUT_SECONDS,
				'redirection' => 0,
			) );
			if ( is_wp_error( $response ) ) {
				$failed = $response->get_error_message();
				continue;
			}
			$status = (int) wp_remote_retrieve_response_code( $response );
			if ( $status >= 200 && $status < 300 ) {
				return;
			}
			$failed = 'HTTP ' . $status;
			// 4xx means the gateway refused this call (signature, clock, body): sending it again changes nothing.
			// 503 means it purged itself but not the shared cache, so it is worth one more try.
			if ( $status < 500 ) {
				break;
			}
		}
		error_log( sprintf( 'newsroom-gateway-purge: could not purge %d item(s) at the gateway (%s)', count( $items ), $failed ) );
	}

	public static function register() {
		// Publishing, updating a published post, unpublishing and trashing all pass through here.
		add_action( 'transition_post_status', static function ( $new_status, $old_status, $post ) {
			if ( 'post' !== $post->post_type || ( 'publish' !== $new_status && 'publish' !== $old_status ) ) {
				return;
			}
			if ( wp_is_post_revision( $post ) || wp_is_post_autosave( $post ) ) {
				return;
			}
			self::queue( 'post', $post->ID, $post->post_name );
		}, 10, 3 );

		// A published post whose slug changed: the old slug's cached copies must go as well.
		add_action( 'post_updated', static function ( $post_id, $after, $before ) {
			if ( 'post' === $after->post_type && 'publish' === $before->post_status && $before->post_name !== $after->post_name ) {
				self::queue( 'post', $post_id, $before->post_name );
			}
		}, 10, 3 );

		// Deleting a published post without trashing it first (wp_delete_post with force) skips the transition.
		add_action( 'before_delete_post', static function ( $post_id, $post = null ) {
			$post = $post ?: get_post( $post_id );
			if ( $post && 'post' === $post->post_type && 'publish' === $post->post_status ) {
				self::queue( 'post', $post_id, $post->post_name );
			}
		}, 10, 2 );

		add_action( 'profile_update', static function ( $user_id ) {
			self::queue( 'author', $user_id );
		} );
		add_action( 'deleted_user', static function ( $user_id ) {
			self::queue( 'author', $user_id );
		} );

		$term_changed = static function ( $term_id, $tt_id, $taxonomy ) {
			if ( in_array( $taxonomy, array( 'category', 'post_tag' ), true ) ) {
				self::queue( 'topic', $term_id );
			}
		};
		add_action( 'edited_term', $term_changed, 10, 3 );
		add_action( 'delete_term', $term_changed, 10, 3 );
	}
}

Newsroom_Gateway_Purge::register();
