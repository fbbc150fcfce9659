-- batch/lot of the unit from TicketOpened v1.1: completed visits carry it to the quality loop
alter table dispatch_job add column batch_number text;
