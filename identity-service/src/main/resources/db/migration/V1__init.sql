-- Operators and client users of the embedded identity provider.
CREATE TABLE app_user (
    username            varchar(64)  PRIMARY KEY,
    password_hash       varchar(100),                         -- bcrypt ({bcrypt}$2a$...); null until an invitation is accepted
    roles               varchar(200) NOT NULL,                -- comma separated: ADMIN, OPERATOR, ONCALL, AUDITOR, CLIENT
    client              varchar(128),                         -- reporting-service client id of a CLIENT user
    status              varchar(16)  NOT NULL CHECK (status IN ('INVITED', 'ACTIVE', 'DISABLED')),
    totp_secret         text,                                 -- AES-256-GCM sealed (keyId:base64); null until enrolled
    totp_last_step      bigint       NOT NULL DEFAULT 0,      -- last accepted time step: a code is good once
    failed_attempts     integer      NOT NULL DEFAULT 0,
    locked_until        timestamptz,
    invitation_hash     varchar(64)  UNIQUE,                  -- SHA-256 hex of the one-time invitation token
    invitation_expires  timestamptz,
    created_at          timestamptz  NOT NULL DEFAULT now(),
    updated_at          timestamptz  NOT NULL DEFAULT now()
);

-- The token signing key, generated on first start and shared by every replica (private key sealed like TOTP secrets).
CREATE TABLE signing_key (
    key_id      varchar(64) PRIMARY KEY,
    private_key text        NOT NULL,
    public_key  text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- Spring Authorization Server's authorizations (codes, tokens), PostgreSQL flavour of its schema.
CREATE TABLE oauth2_authorization (
    id varchar(100) NOT NULL,
    registered_client_id varchar(100) NOT NULL,
    principal_name varchar(200) NOT NULL,
    authorization_grant_type varchar(100) NOT NULL,
    authorized_scopes varchar(1000) DEFAULT NULL,
    attributes text DEFAULT NULL,
    state varchar(500) DEFAULT NULL,
    authorization_code_value text DEFAULT NULL,
    authorization_code_issued_at timestamptz DEFAULT NULL,
    authorization_code_expires_at timestamptz DEFAULT NULL,
    authorization_code_metadata text DEFAULT NULL,
    access_token_value text DEFAULT NULL,
    access_token_issued_at timestamptz DEFAULT NULL,
    access_token_expires_at timestamptz DEFAULT NULL,
    access_token_metadata text DEFAULT NULL,
    access_token_type varchar(100) DEFAULT NULL,
    access_token_scopes varchar(1000) DEFAULT NULL,
    oidc_id_token_value text DEFAULT NULL,
    oidc_id_token_issued_at timestamptz DEFAULT NULL,
    oidc_id_token_expires_at timestamptz DEFAULT NULL,
    oidc_id_token_metadata text DEFAULT NULL,
    refresh_token_value text DEFAULT NULL,
    refresh_token_issued_at timestamptz DEFAULT NULL,
    refresh_token_expires_at timestamptz DEFAULT NULL,
    refresh_token_metadata text DEFAULT NULL,
    user_code_value text DEFAULT NULL,
    user_code_issued_at timestamptz DEFAULT NULL,
    user_code_expires_at timestamptz DEFAULT NULL,
    user_code_metadata text DEFAULT NULL,
    device_code_value text DEFAULT NULL,
    device_code_issued_at timestamptz DEFAULT NULL,
    device_code_expires_at timestamptz DEFAULT NULL,
    device_code_metadata text DEFAULT NULL,
    PRIMARY KEY (id)
);
