INSERT INTO small (device, reading, status) SELECT (random() * 1000)::int, random(), 'ok' FROM generate_series(1, 100);
