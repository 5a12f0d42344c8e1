package org.downline.cli;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import org.downline.app.prospect.Actor;
import org.downline.app.prospect.ContactImport;
import org.downline.app.prospect.Contacts;
import org.downline.store.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code downline contacts import|export}: a distributor's own contacts (docs/prospects.md). */
@Command(name = "contacts", mixinStandardHelpOptions = true,
    description = "A distributor's own contacts: import from CSV or vCard, export to CSV.",
    subcommands = {ContactsCommand.Import.class, ContactsCommand.Export.class})
final class ContactsCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "import", mixinStandardHelpOptions = true, description = {
      "Imports contacts for one distributor from CSV (header: " + ContactImport.CSV_HEADER + ")",
      "or vCard 3.0/4.0 (.vcf). Rows matching a contact by email, phone or name are reported, not added.",
      "A bad row refuses the whole file with file, line and reason; nothing is written."})
  static final class Import implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "A .csv or .vcf file.")
    Path file;

    @Option(names = "--owner", required = true, paramLabel = "MEMBER", description = "The distributor whose contacts these are.")
    String owner;

    @Option(names = "--calling-code", paramLabel = "DIGITS", description = "Country calling code for national phone numbers, e.g. 40.")
    String callingCode;

    @Mixin DatabaseOption database;

    @Override
    public Integer call() {
      Actor actor = Actor.distributor("cli:" + System.getProperty("user.name", "cli"), owner);
      LocalDate today = LocalDate.now(ZoneOffset.UTC);
      try (Database db = database.open()) {
        ContactImport imports = new ContactImport(db);
        ContactImport.Report r = imports.file(actor, file, callingCode, today, ConsoleProgress.forConsole());
        var out = spec.commandLine().getOut();
        out.println(r.read() + " read, " + r.added() + " added, " + r.duplicates().size() + " duplicates");
        for (ContactImport.Duplicate d : r.duplicates()) {
          out.println("  line " + d.line() + ": same " + d.by() + " as contact " + d.existingId());
        }
      }
      return 0;
    }
  }

  @Command(name = "export", mixinStandardHelpOptions = true, description = {
      "Writes one distributor's contacts as CSV (" + Contacts.EXPORT_HEADER + ").",
      "Refused channels, and every channel of a do-not-contact contact, are left empty."})
  static final class Export implements Callable<Integer> {
    @Option(names = "--owner", required = true, paramLabel = "MEMBER", description = "The distributor whose contacts to write.")
    String owner;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "The CSV file to write.")
    Path output;

    @Mixin DatabaseOption database;

    @Override
    public Integer call() throws Exception {
      try (Database db = database.open(); OutputStream out = Files.newOutputStream(output)) {
        int n = new Contacts(db).exportCsv(Actor.distributor("cli", owner), out);
        System.err.println(n + " contacts written to " + output);
      }
      return 0;
    }
  }
}
