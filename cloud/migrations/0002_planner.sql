CREATE TABLE `clusters` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` integer NOT NULL,
	`site_id` integer NOT NULL,
	`sector_id` integer NOT NULL,
	`name` text NOT NULL,
	`description` text,
	`keyword_count` integer DEFAULT 0 NOT NULL,
	`volume` integer DEFAULT 0 NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`source` text DEFAULT 'manual' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`sector_id`) REFERENCES `sectors`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `clusters_site_idx` ON `clusters` (`site_id`,`sector_id`,`id`);--> statement-breakpoint
CREATE INDEX `clusters_account_idx` ON `clusters` (`account_id`);--> statement-breakpoint
CREATE TABLE `ideas` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` integer NOT NULL,
	`site_id` integer NOT NULL,
	`sector_id` integer NOT NULL,
	`cluster_id` integer,
	`title` text NOT NULL,
	`description` text,
	`target_keywords` text DEFAULT '[]' NOT NULL,
	`content_type` text DEFAULT 'post' NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`sector_id`) REFERENCES `sectors`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`cluster_id`) REFERENCES `clusters`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `ideas_site_idx` ON `ideas` (`site_id`,`sector_id`,`id`);--> statement-breakpoint
CREATE INDEX `ideas_cluster_idx` ON `ideas` (`cluster_id`);--> statement-breakpoint
CREATE TABLE `keyword_clusters` (
	`keyword_id` integer NOT NULL,
	`cluster_id` integer NOT NULL,
	`account_id` integer NOT NULL,
	PRIMARY KEY(`keyword_id`, `cluster_id`),
	FOREIGN KEY (`keyword_id`) REFERENCES `keywords`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`cluster_id`) REFERENCES `clusters`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `keyword_clusters_cluster_idx` ON `keyword_clusters` (`cluster_id`,`keyword_id`);--> statement-breakpoint
CREATE TABLE `keywords` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` integer NOT NULL,
	`site_id` integer NOT NULL,
	`sector_id` integer NOT NULL,
	`keyword` text NOT NULL,
	`keyword_norm` text NOT NULL,
	`volume` integer,
	`difficulty` integer,
	`intent` text,
	`status` text DEFAULT 'active' NOT NULL,
	`source` text DEFAULT 'manual' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`sector_id`) REFERENCES `sectors`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `keywords_sector_norm_idx` ON `keywords` (`sector_id`,`keyword_norm`);--> statement-breakpoint
CREATE INDEX `keywords_site_idx` ON `keywords` (`site_id`,`id`);--> statement-breakpoint
CREATE INDEX `keywords_sector_volume_idx` ON `keywords` (`sector_id`,`volume`,`id`);--> statement-breakpoint
CREATE INDEX `keywords_sector_difficulty_idx` ON `keywords` (`sector_id`,`difficulty`,`id`);--> statement-breakpoint
CREATE INDEX `keywords_sector_status_idx` ON `keywords` (`sector_id`,`status`,`id`);--> statement-breakpoint
CREATE INDEX `keywords_account_idx` ON `keywords` (`account_id`);--> statement-breakpoint
CREATE TABLE `tasks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` integer NOT NULL,
	`site_id` integer NOT NULL,
	`sector_id` integer NOT NULL,
	`cluster_id` integer,
	`idea_id` integer,
	`title` text NOT NULL,
	`brief` text,
	`target_keywords` text DEFAULT '[]' NOT NULL,
	`content_type` text DEFAULT 'post' NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`wp_post_id` integer,
	`post_url` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`sector_id`) REFERENCES `sectors`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`cluster_id`) REFERENCES `clusters`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `tasks_site_idx` ON `tasks` (`site_id`,`sector_id`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `tasks_idea_idx` ON `tasks` (`idea_id`);