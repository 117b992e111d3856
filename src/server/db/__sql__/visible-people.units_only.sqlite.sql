select "people"."id" from "people" where "people"."unit_id" in (?);
-- parameters: ["u1"]
