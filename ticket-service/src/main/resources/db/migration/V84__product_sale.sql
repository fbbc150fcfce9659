-- Who sold a unit and what the customer paid, when the store records them: the return rate per salesperson and on
-- amounts (returns-service) counts them.
alter table product add column salesperson_code text;
alter table product add column sale_price numeric(12, 2);
alter table product add column sale_currency text;
