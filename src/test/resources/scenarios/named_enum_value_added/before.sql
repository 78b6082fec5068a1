CREATE TYPE userstatus AS ENUM ('ACTIVE', 'INVITED', 'DISABLED');
CREATE TABLE users (id bigint PRIMARY KEY, status userstatus NOT NULL);
