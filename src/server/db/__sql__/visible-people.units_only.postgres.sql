select "people"."id" from "people" where "people"."unit_id" in ($1);
-- parameters: ["u1"]
