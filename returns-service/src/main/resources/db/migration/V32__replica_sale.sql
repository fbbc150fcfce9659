-- Who sold a unit and what the customer paid (ProductFacts v1.2), for the return rate per salesperson and on amounts.
alter table product_replica add column salesperson_code text;
alter table product_replica add column sale_price numeric(12, 2);
