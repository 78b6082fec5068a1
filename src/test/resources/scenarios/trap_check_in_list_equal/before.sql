CREATE TABLE parcel (id bigint PRIMARY KEY, size_code varchar(2), CONSTRAINT ck_parcel_size CHECK (size_code IN ('S', 'M', 'L')));
