CREATE TABLE `content_conflicts` (
	`content_id` integer PRIMARY KEY NOT NULL,
	`account_id` integer NOT NULL,
	`site_id` integer NOT NULL,
	`wp_post_id` integer NOT NULL,
	`wp_title` text NOT NULL,
	`wp_body` text NOT NULL,
	`wp_hash` text NOT NULL,
	`wp_modified_gmt` text NOT NULL,
	`detected_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`content_id`) REFERENCES `content`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `publishing_records` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` integer NOT NULL,
	`site_id` integer NOT NULL,
	`sector_id` integer NOT NULL,
	`content_id` integer,
	`title` text NOT NULL,
	`action` text DEFAULT 'publish' NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`publish_as` text NOT NULL,
	`categories` text,
	`tags` text,
	`idempotency_key` text NOT NULL,
	`wp_post_id` integer,
	`url` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`max_attempts` integer NOT NULL,
	`next_attempt_at` text,
	`error` text,
	`images_uploaded` integer DEFAULT 0 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`published_at` text,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`sector_id`) REFERENCES `sectors`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`content_id`) REFERENCES `content`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `publishing_records_list_idx` ON `publishing_records` (`account_id`,`site_id`,`status`,`id`);--> statement-breakpoint
CREATE INDEX `publishing_records_content_idx` ON `publishing_records` (`content_id`,`id`);--> statement-breakpoint
CREATE TABLE `site_syncs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` integer NOT NULL,
	`site_id` integer NOT NULL,
	`state` text DEFAULT 'queued' NOT NULL,
	`pages_done` integer DEFAULT 0 NOT NULL,
	`total_pages` integer,
	`posts_seen` integer DEFAULT 0 NOT NULL,
	`error` text,
	`started_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`finished_at` text,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `site_syncs_site_idx` ON `site_syncs` (`site_id`,`id`);--> statement-breakpoint
CREATE TABLE `sync_events` (
	`site_id` integer NOT NULL,
	`event_id` text NOT NULL,
	`account_id` integer NOT NULL,
	`seq` integer NOT NULL,
	`type` text NOT NULL,
	`object_id` integer NOT NULL,
	`occurred_at` text NOT NULL,
	`received_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	PRIMARY KEY(`site_id`, `event_id`),
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sync_events_received_idx` ON `sync_events` (`site_id`,`received_at`);--> statement-breakpoint
CREATE TABLE `wp_posts` (
	`site_id` integer NOT NULL,
	`wp_id` integer NOT NULL,
	`account_id` integer NOT NULL,
	`type` text NOT NULL,
	`status` text NOT NULL,
	`title` text NOT NULL,
	`url` text NOT NULL,
	`slug` text NOT NULL,
	`excerpt` text DEFAULT '' NOT NULL,
	`modified_gmt` text NOT NULL,
	`categories` text DEFAULT '[]' NOT NULL,
	`tags` text DEFAULT '[]' NOT NULL,
	`links` text DEFAULT '[]' NOT NULL,
	`content_hash` text NOT NULL,
	`featured_media` integer,
	`managed` integer DEFAULT false NOT NULL,
	`content_id` integer,
	`task_id` integer,
	`seq` integer DEFAULT 0 NOT NULL,
	`sync_run` integer,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	PRIMARY KEY(`site_id`, `wp_id`),
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `wp_posts_list_idx` ON `wp_posts` (`account_id`,`site_id`,`status`);--> statement-breakpoint
CREATE TABLE `wp_terms` (
	`site_id` integer NOT NULL,
	`wp_id` integer NOT NULL,
	`account_id` integer NOT NULL,
	`taxonomy` text NOT NULL,
	`name` text NOT NULL,
	`slug` text NOT NULL,
	`seq` integer DEFAULT 0 NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	PRIMARY KEY(`site_id`, `wp_id`),
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `content` ADD `sync_state` text DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE `content` ADD `wp_status` text;--> statement-breakpoint
ALTER TABLE `content` ADD `last_synced_at` text;--> statement-breakpoint
ALTER TABLE `content` ADD `synced_hash` text;--> statement-breakpoint
ALTER TABLE `content` ADD `synced_title` text;--> statement-breakpoint
ALTER TABLE `content` ADD `wp_hash` text;--> statement-breakpoint
ALTER TABLE `content` ADD `wp_title` text;--> statement-breakpoint
ALTER TABLE `content` ADD `wp_modified_gmt` text;--> statement-breakpoint
ALTER TABLE `content` ADD `wp_seq` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `content_external_idx` ON `content` (`site_id`,`external_id`);--> statement-breakpoint
ALTER TABLE `images` ADD `wp_media_id` integer;--> statement-breakpoint
ALTER TABLE `images` ADD `wp_media_url` text;