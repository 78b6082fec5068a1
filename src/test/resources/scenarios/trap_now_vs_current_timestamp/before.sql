CREATE TABLE event (id bigint PRIMARY KEY, created timestamp(6) with time zone DEFAULT CURRENT_TIMESTAMP);
