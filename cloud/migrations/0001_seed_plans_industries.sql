-- Plans and industry templates that every installation starts with.
INSERT INTO plans (slug, name, price_cents, monthly_credits, max_sites, max_users, max_keywords, max_clusters, max_content_per_month, is_default) VALUES ('free', 'Free', 0, 100, 1, 2, 1000, 100, 10, 1);
--> statement-breakpoint
INSERT INTO plans (slug, name, price_cents, monthly_credits, max_sites, max_users, max_keywords, max_clusters, max_content_per_month, is_default) VALUES ('starter', 'Starter', 2900, 1000, 3, 5, 10000, 1000, 100, 0);
--> statement-breakpoint
INSERT INTO plans (slug, name, price_cents, monthly_credits, max_sites, max_users, max_keywords, max_clusters, max_content_per_month, is_default) VALUES ('growth', 'Growth', 7900, 4000, 10, 15, 50000, 5000, 400, 0);
--> statement-breakpoint
INSERT INTO plans (slug, name, price_cents, monthly_credits, max_sites, max_users, max_keywords, max_clusters, max_content_per_month, is_default) VALUES ('agency', 'Agency', 19900, 12000, 50, 50, 250000, 25000, 1500, 0);
--> statement-breakpoint
INSERT INTO industries (id, name, slug, description) VALUES (1, 'Technology', 'technology', 'Software, SaaS, gadgets and IT services');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (1, 'SaaS', 'saas');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (1, 'Cybersecurity', 'cybersecurity');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (1, 'Consumer Electronics', 'consumer-electronics');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (1, 'Web Development', 'web-development');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (1, 'Artificial Intelligence', 'artificial-intelligence');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (1, 'Cloud Hosting', 'cloud-hosting');
--> statement-breakpoint
INSERT INTO industries (id, name, slug, description) VALUES (2, 'Health & Wellness', 'health-wellness', 'Fitness, nutrition, mental health and medical care');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (2, 'Fitness', 'fitness');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (2, 'Nutrition', 'nutrition');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (2, 'Mental Health', 'mental-health');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (2, 'Dental Care', 'dental-care');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (2, 'Supplements', 'supplements');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (2, 'Yoga', 'yoga');
--> statement-breakpoint
INSERT INTO industries (id, name, slug, description) VALUES (3, 'Home & Garden', 'home-garden', 'Home improvement, interiors and gardening');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (3, 'Interior Design', 'interior-design');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (3, 'Gardening', 'gardening');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (3, 'Home Improvement', 'home-improvement');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (3, 'Kitchen', 'kitchen');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (3, 'Smart Home', 'smart-home');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (3, 'Furniture', 'furniture');
--> statement-breakpoint
INSERT INTO industries (id, name, slug, description) VALUES (4, 'Finance', 'finance', 'Personal finance, investing, banking and insurance');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (4, 'Personal Finance', 'personal-finance');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (4, 'Investing', 'investing');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (4, 'Cryptocurrency', 'cryptocurrency');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (4, 'Insurance', 'insurance');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (4, 'Mortgages', 'mortgages');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (4, 'Credit Cards', 'credit-cards');
--> statement-breakpoint
INSERT INTO industries (id, name, slug, description) VALUES (5, 'Travel', 'travel', 'Destinations, hotels, travel gear and planning');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (5, 'Destinations', 'destinations');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (5, 'Hotels', 'hotels');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (5, 'Travel Gear', 'travel-gear');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (5, 'Budget Travel', 'budget-travel');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (5, 'Adventure Travel', 'adventure-travel');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (5, 'Cruises', 'cruises');
--> statement-breakpoint
INSERT INTO industries (id, name, slug, description) VALUES (6, 'E-commerce & Retail', 'ecommerce-retail', 'Online stores and consumer products');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (6, 'Fashion', 'fashion');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (6, 'Beauty', 'beauty');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (6, 'Pet Supplies', 'pet-supplies');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (6, 'Toys', 'toys');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (6, 'Jewelry', 'jewelry');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (6, 'Sports Equipment', 'sports-equipment');
--> statement-breakpoint
INSERT INTO industries (id, name, slug, description) VALUES (7, 'Food & Drink', 'food-drink', 'Recipes, restaurants, coffee and wine');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (7, 'Recipes', 'recipes');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (7, 'Restaurants', 'restaurants');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (7, 'Coffee', 'coffee');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (7, 'Wine', 'wine');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (7, 'Baking', 'baking');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (7, 'Vegan', 'vegan');
--> statement-breakpoint
INSERT INTO industries (id, name, slug, description) VALUES (8, 'Education', 'education', 'Courses, schools, languages and careers');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (8, 'Online Courses', 'online-courses');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (8, 'Language Learning', 'language-learning');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (8, 'Test Prep', 'test-prep');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (8, 'Career Development', 'career-development');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (8, 'K-12', 'k-12');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (8, 'Higher Education', 'higher-education');
--> statement-breakpoint
INSERT INTO industries (id, name, slug, description) VALUES (9, 'Automotive', 'automotive', 'Cars, repair, EVs and accessories');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (9, 'Electric Vehicles', 'electric-vehicles');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (9, 'Car Repair', 'car-repair');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (9, 'Car Accessories', 'car-accessories');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (9, 'Motorcycles', 'motorcycles');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (9, 'Car Buying', 'car-buying');
--> statement-breakpoint
INSERT INTO industries (id, name, slug, description) VALUES (10, 'Real Estate', 'real-estate', 'Buying, selling, renting and property investment');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (10, 'Home Buying', 'home-buying');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (10, 'Property Investment', 'property-investment');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (10, 'Rentals', 'rentals');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (10, 'Commercial Real Estate', 'commercial-real-estate');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (10, 'Home Selling', 'home-selling');
--> statement-breakpoint
INSERT INTO industries (id, name, slug, description) VALUES (11, 'Marketing & Business', 'marketing-business', 'Marketing, SEO, small business and productivity');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (11, 'SEO', 'seo');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (11, 'Content Marketing', 'content-marketing');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (11, 'Social Media', 'social-media');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (11, 'Small Business', 'small-business');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (11, 'Productivity', 'productivity');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (11, 'Email Marketing', 'email-marketing');
--> statement-breakpoint
INSERT INTO industries (id, name, slug, description) VALUES (12, 'Legal', 'legal', 'Law firms and legal guides');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (12, 'Personal Injury', 'personal-injury');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (12, 'Family Law', 'family-law');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (12, 'Immigration', 'immigration');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (12, 'Business Law', 'business-law');
--> statement-breakpoint
INSERT INTO industry_sectors (industry_id, name, slug) VALUES (12, 'Estate Planning', 'estate-planning');
