CREATE TABLE `content` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` integer NOT NULL,
	`site_id` integer NOT NULL,
	`sector_id` integer NOT NULL,
	`task_id` integer,
	`title` text NOT NULL,
	`meta_title` text,
	`meta_description` text,
	`body` text DEFAULT '' NOT NULL,
	`word_count` integer DEFAULT 0 NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`source` text DEFAULT 'igny8' NOT NULL,
	`revision_hash` text NOT NULL,
	`external_id` integer,
	`external_url` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`sector_id`) REFERENCES `sectors`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `content_list_idx` ON `content` (`account_id`,`site_id`,`sector_id`,`status`,`id`);--> statement-breakpoint
CREATE INDEX `content_task_idx` ON `content` (`task_id`);--> statement-breakpoint
CREATE INDEX `content_month_idx` ON `content` (`account_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `images` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` integer NOT NULL,
	`site_id` integer NOT NULL,
	`sector_id` integer NOT NULL,
	`content_id` integer NOT NULL,
	`kind` text DEFAULT 'in_article' NOT NULL,
	`prompt` text DEFAULT '' NOT NULL,
	`alt` text DEFAULT '' NOT NULL,
	`caption` text,
	`position` integer DEFAULT 0 NOT NULL,
	`provider` text,
	`model` text,
	`status` text DEFAULT 'pending' NOT NULL,
	`r2_key` text,
	`error` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`sector_id`) REFERENCES `sectors`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`content_id`) REFERENCES `content`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `images_content_idx` ON `images` (`content_id`,`position`,`id`);--> statement-breakpoint
CREATE INDEX `images_list_idx` ON `images` (`account_id`,`site_id`,`sector_id`,`status`,`id`);--> statement-breakpoint
ALTER TABLE `tasks` ADD `content_structure` text;--> statement-breakpoint
-- drizzle-kit 0.31 leaves ON DELETE out of an added column's reference; the schema says set null.
ALTER TABLE `tasks` ADD `author_profile_id` integer REFERENCES author_profiles(id) ON DELETE set null;--> statement-breakpoint
ALTER TABLE `tasks` ADD `target_length` integer;--> statement-breakpoint
CREATE INDEX `tasks_list_idx` ON `tasks` (`account_id`,`site_id`,`sector_id`,`status`,`id`);--> statement-breakpoint
CREATE INDEX `tasks_cluster_idx` ON `tasks` (`cluster_id`);--> statement-breakpoint
CREATE INDEX `tasks_author_profile_idx` ON `tasks` (`author_profile_id`);