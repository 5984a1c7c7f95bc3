-- RFM keeps the day of the last purchase and counts recency from it when read: from one day to
-- the next most scores stay as they were, and a daily run rewrites only those that moved.
-- Scores are recomputed daily and on demand, so the old rows are simply dropped.
delete from customer_rfm;
alter table customer_rfm drop column recency_days;
alter table customer_rfm add column last_purchase_on date not null;
alter table customer_rfm rename column computed_at to changed_at;
