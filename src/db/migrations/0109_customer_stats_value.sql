-- The customer's modelled lifetime value (minor units of the organization's base currency), told
-- by the value module with the probability of being alive, so the customer list sorts by it.
alter table customer_stats add column clv_minor bigint;

-- An installation scored before keeps its values until the next run replaces them.
do $$
begin
  if to_regclass('customer_values') is not null then
    insert into customer_stats as s (org_id, customer_id, alive_probability, alive_probability_at, clv_minor)
    select v.org_id, v.customer_id, v.p_alive, v.scored_at, v.clv_minor from customer_values v
    on conflict (org_id, customer_id) do update set clv_minor = excluded.clv_minor;
  end if;
end
$$;
