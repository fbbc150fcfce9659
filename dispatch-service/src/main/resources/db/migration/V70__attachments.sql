-- Photos and signatures uploaded from the technician's phone (images only; the type is sniffed from the bytes).
-- Behind AttachmentStore: an S3-compatible store can take this table's place.
create table attachment (
    id            uuid        primary key,
    media_type    text        not null,
    size_bytes    bigint      not null check (size_bytes > 0),
    sha256        text        not null,
    -- the uploading technician (null for supervisors): technicians see only their own
    technician_id uuid,
    uploaded_by   text        not null,
    uploaded_at   timestamptz not null,
    content       bytea       not null
);
create index attachment_same on attachment (uploaded_by, sha256);
