select "people"."id" from "people" where ("people"."unit_id" in ($1, $2) or "people"."id" = $3);
-- parameters: ["u1","u2","p1"]
