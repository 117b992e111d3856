select "people"."id" from "people" where ("people"."unit_id" in (?, ?) or "people"."id" = ?);
-- parameters: ["u1","u2","p1"]
