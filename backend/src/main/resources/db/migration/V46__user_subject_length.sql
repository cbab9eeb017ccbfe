-- Development sign-in stores "dev:<email>" as the subject and an email may be 254 characters (RFC 5321): the
-- column must hold every subject the validation accepts (a 255-character email used to fail with "Data too long").
ALTER TABLE users MODIFY oidc_subject VARCHAR(320) NOT NULL;
