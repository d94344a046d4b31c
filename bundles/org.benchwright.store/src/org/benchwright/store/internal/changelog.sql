--liquibase formatted sql

--changeset benchwright:1
--comment: the plant store's first schema: jobs and their entries, counts, lots, unit locks
CREATE TABLE bw_schema (version INT NOT NULL);
INSERT INTO bw_schema (version) VALUES (1);

CREATE TABLE jobs (
    job_id VARCHAR(200) NOT NULL PRIMARY KEY,
    unit VARCHAR(200) NOT NULL,
    procedure_id VARCHAR(200),
    revision VARCHAR(50),
    procedure_hash VARCHAR(64),
    instruction VARCHAR(200),
    deviations TEXT,
    technician VARCHAR(100),
    station VARCHAR(200),
    bench VARCHAR(200),
    started TIMESTAMP,
    outcome VARCHAR(20) NOT NULL,
    pwi DOUBLE PRECISION,
    head_seq BIGINT NOT NULL,
    head_hash VARCHAR(64) NOT NULL
);
CREATE INDEX jobs_unit ON jobs (unit);
CREATE INDEX jobs_technician ON jobs (technician);
CREATE INDEX jobs_station ON jobs (station);
CREATE INDEX jobs_bench ON jobs (bench);

CREATE TABLE entries (
    job_id VARCHAR(200) NOT NULL,
    seq BIGINT NOT NULL,
    type VARCHAR(50) NOT NULL,
    hash VARCHAR(64) NOT NULL,
    line TEXT NOT NULL,
    PRIMARY KEY (job_id, seq)
);

CREATE TABLE counted (
    job_id VARCHAR(200) NOT NULL,
    seq BIGINT NOT NULL,
    unit VARCHAR(200) NOT NULL,
    designator VARCHAR(100) NOT NULL,
    rework_actions INT NOT NULL,
    thermal_cycles INT NOT NULL,
    PRIMARY KEY (job_id, seq, designator)
);
CREATE INDEX counted_unit ON counted (unit);

CREATE TABLE heated (
    job_id VARCHAR(200) NOT NULL,
    seq BIGINT NOT NULL,
    unit VARCHAR(200) NOT NULL,
    thermal_cycles INT NOT NULL,
    PRIMARY KEY (job_id, seq)
);
CREATE INDEX heated_unit ON heated (unit);

CREATE TABLE lots (
    job_id VARCHAR(200) NOT NULL,
    seq BIGINT NOT NULL,
    unit VARCHAR(200) NOT NULL,
    material VARCHAR(200) NOT NULL,
    lot VARCHAR(200) NOT NULL,
    PRIMARY KEY (job_id, seq)
);
CREATE INDEX lots_lot ON lots (lot);

CREATE TABLE unit_locks (
    unit VARCHAR(200) NOT NULL PRIMARY KEY,
    job_id VARCHAR(200) NOT NULL,
    bench VARCHAR(200),
    since TIMESTAMP NOT NULL
);
