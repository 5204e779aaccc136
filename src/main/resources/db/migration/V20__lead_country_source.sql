-- Where a lead's country came from (normalise/CountrySource): GIVEN by the lead, or read from its
-- PHONE, US_STATE, CITY, EMAIL_DOMAIN or WEBSITE_DOMAIN when it named none (issue 13). Null for a
-- lead without a country, and for leads validated before this column: whether their country was
-- given or came from a US state was not kept, so none is claimed for them.
-- Portable SQL: runs on H2 and PostgreSQL.
alter table leads add column country_source varchar(20);
