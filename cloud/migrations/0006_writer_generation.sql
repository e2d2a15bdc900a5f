ALTER TABLE `tasks` ADD `error` text;--> statement-breakpoint
-- SQLite cannot add a column with an expression default, so images is rebuilt with `ref` (drizzle-kit wrote an
-- ALTER TABLE ADD that SQLite refuses). No table references images; existing rows get a random ref.
CREATE TABLE `__new_images` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` integer NOT NULL,
	`site_id` integer NOT NULL,
	`sector_id` integer NOT NULL,
	`content_id` integer NOT NULL,
	`ref` text DEFAULT (lower(hex(randomblob(16)))) NOT NULL,
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
INSERT INTO `__new_images` (`id`, `account_id`, `site_id`, `sector_id`, `content_id`, `kind`, `prompt`, `alt`,
	`caption`, `position`, `provider`, `model`, `status`, `r2_key`, `error`, `created_at`, `updated_at`)
SELECT `id`, `account_id`, `site_id`, `sector_id`, `content_id`, `kind`, `prompt`, `alt`, `caption`, `position`,
	`provider`, `model`, `status`, `r2_key`, `error`, `created_at`, `updated_at` FROM `images`;--> statement-breakpoint
DROP TABLE `images`;--> statement-breakpoint
ALTER TABLE `__new_images` RENAME TO `images`;--> statement-breakpoint
CREATE INDEX `images_content_idx` ON `images` (`content_id`,`position`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `images_ref_idx` ON `images` (`ref`);--> statement-breakpoint
CREATE INDEX `images_list_idx` ON `images` (`account_id`,`site_id`,`sector_id`,`status`,`id`);
