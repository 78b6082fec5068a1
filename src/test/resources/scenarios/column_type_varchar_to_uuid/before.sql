CREATE TABLE device (id bigint PRIMARY KEY, serial varchar(36) NOT NULL);
INSERT INTO device VALUES (1, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11');
