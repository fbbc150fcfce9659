-- The warranty cover ticket-service decided at intake from the shared terms (TicketOpened.warranty): the unit
-- and the parts a manufacturer covers longer. A catalogued part may name the warranty part it is (COMPRESSOR):
-- a part under cover is charged nothing though the unit is out of warranty.
create table ticket_warranty_cover (
    ticket_id     uuid not null,
    part          text not null,
    first_day     date not null,
    last_day      date not null,
    in_cover      boolean not null,
    terms_version text,
    primary key (ticket_id, part)
);

alter table part_catalogue add column warranty_part text;

-- One category code list across the platform: the aliases older clients sent become their canonical codes.
update dispatch_job set product_category = 'MOBILE_PHONE' where product_category = 'PHONE';
update dispatch_job set product_category = 'REFRIGERATOR' where product_category = 'FRIDGE';
