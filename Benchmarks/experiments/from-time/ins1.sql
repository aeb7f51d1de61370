\set d random(1, 1000)
INSERT INTO small (device, reading, status) VALUES (:d, random(), 'ok');
