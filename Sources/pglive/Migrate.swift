import ArgumentParser

/// `pglive migrate …`: the migration commands and their shared options.
struct Migrate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Apply and inspect the SQL migrations of a database.",
        discussion: """
            Exit status: 0 success; 1 a migration statement failed (a transactional file was rolled \
            back); 2 refused before running anything (invalid, modified, out-of-order or missing files, \
            no down section); 3 'status --exit-code' found migrations needing attention; 4 the migration \
            lock was not free within --lock-timeout; 5 the database or the file system failed; 64 usage error.
            """,
        subcommands: [
            MigrateUp.self, MigrateDown.self, MigrateStatus.self, MigrateNew.self,
            MigrateValidate.self, MigrateBaseline.self, MigrateRepair.self,
        ])

    @OptionGroup var options: MigrateOptions
}
