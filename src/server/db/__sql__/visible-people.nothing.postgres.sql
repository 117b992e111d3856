select "people"."id" from "people" where false;
-- parameters: []
