select "people"."id" from "people" where "people"."id" = ?;
-- parameters: ["p1"]
