-- Warranty cover of some categories (air conditioners, water heaters) runs from the installation date.
alter table product add column installation_date date;
alter table product add constraint product_installed_after_purchase
    check (installation_date is null or installation_date >= purchase_date);

-- One category code list across the platform (com.aftersales.contracts.warranty): the aliases older clients
-- sent are stored as their canonical codes.
update product set category = 'MOBILE_PHONE' where category = 'PHONE';
update product set category = 'REFRIGERATOR' where category = 'FRIDGE';
update ticket set product_category = 'MOBILE_PHONE' where product_category = 'PHONE';
update ticket set product_category = 'REFRIGERATOR' where product_category = 'FRIDGE';
