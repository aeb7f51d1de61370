\set d random(1, 1000)
INSERT INTO t (device, reading, status) VALUES (:d, random(), 'ok');
