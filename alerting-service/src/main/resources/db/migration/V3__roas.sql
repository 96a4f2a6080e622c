-- Conversion value reported with the spend (TikTok's total_purchase_value), for the roas-below-target rule.
-- Null when the observation did not carry it (missing is not zero).
alter table campaign_spend add column purchase_value numeric(20, 6);
