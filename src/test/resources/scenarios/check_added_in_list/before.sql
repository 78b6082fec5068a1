CREATE TABLE parcel (id bigint PRIMARY KEY, size_code varchar(2));
