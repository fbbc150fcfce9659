-- Warranty cover of some categories (air conditioners, water heaters) runs from the installation date, which
-- product events carry since contracts v1.1.
alter table product_replica add column installation_date date;

-- One category code list across the platform: the aliases older events carried become their canonical codes.
update product_replica set category = 'MOBILE_PHONE' where category = 'PHONE';
update product_replica set category = 'REFRIGERATOR' where category = 'FRIDGE';
