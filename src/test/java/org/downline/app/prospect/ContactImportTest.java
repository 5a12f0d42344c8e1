package org.downline.app.prospect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.downline.app.prospect.ContactsTest.ANA;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.downline.core.InvalidInputException;
import org.downline.core.Progress;
import org.downline.prospect.ChannelKind;
import org.downline.prospect.Consent;
import org.downline.prospect.Tie;
import org.downline.store.BothDatabases;
import org.downline.store.ContactStore;
import org.downline.store.Database;
import org.junit.jupiter.api.io.TempDir;

/** CSV and vCard imports: duplicates reported not added, bad files refused by file, line and reason with nothing written. */
class ContactImportTest {
  static final LocalDate DAY = LocalDate.of(2026, 3, 1);
  @TempDir Path dir;

  @BothDatabases
  void csvWithConsentCommunitiesAndDuplicates(Database db) throws Exception {
    ContactsTest.twoDistributors(db);
    long ioana = new Contacts(db).create(ANA, ContactsTest.form("Ioana Pop", Tie.FRIEND, null), DAY).id();
    new Contacts(db).addChannel(ANA, ioana, new Contacts.ChannelForm(ChannelKind.EMAIL, null, "ioana@x.ro"));
    Path f = Files.writeString(dir.resolve("contacts.csv"), ContactImport.CSV_HEADER + "\n"
        + "Radu Dan,close,neighbour,radu@x.ro,0722 000 111,,,30,Running club;Parents,given,refused,2026-02-01,in person\n"
        + "Eva Lis,,,IOANA@X.RO,,,,,,,,,\n" // Ioana's email: a duplicate
        + "Dan Radu,friend,,,,,,,Running club,,,,\n"); // Radu Dan's name in another order: a duplicate of row 2
    ContactImport.Report r = new ContactImport(db).csv(ANA, f, "40", DAY, Progress.NONE);
    assertThat(r.read()).isEqualTo(3);
    assertThat(r.added()).isEqualTo(1);
    long radu = new Contacts(db).list(ANA, "radu").getFirst().id();
    assertThat(r.duplicates()).containsExactly(new ContactImport.Duplicate(3, ioana, "email"), new ContactImport.Duplicate(4, radu, "name"));
    ContactStore.Contact k = new Contacts(db).get(ANA, radu);
    assertThat(k.tie()).isEqualTo(Tie.CLOSE);
    assertThat(k.nextTouchDue()).isEqualTo(DAY.plusDays(30));
    assertThat(k.channels()).extracting(ContactStore.Channel::normalised, ContactStore.Channel::consent).containsExactly(
        org.assertj.core.groups.Tuple.tuple("radu@x.ro", Consent.GIVEN), org.assertj.core.groups.Tuple.tuple("+40722000111", Consent.REFUSED));
    assertThat(k.communities()).extracting(ContactStore.CommunityRef::name).containsExactly("Parents", "Running club");
  }

  @BothDatabases
  void aBadCsvRowRefusesTheFileAndWritesNothing(Database db) throws Exception {
    ContactsTest.twoDistributors(db);
    Path f = Files.writeString(dir.resolve("bad.csv"), "name,tie,email,phone,email_consent\n"
        + "Radu Dan,close,radu@x.ro,,\n"
        + ",best,not-an-email,0722,given\n");
    assertThatThrownBy(() -> new ContactImport(db).csv(ANA, f, null, DAY, Progress.NONE))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).errors()).extracting(x -> x.file() + ":" + x.line() + ":" + x.column())
            .containsExactlyInAnyOrder("bad.csv:3:name", "bad.csv:3:tie", "bad.csv:3:email", "bad.csv:3:phone", "bad.csv:3:consent_on"))
        .hasMessageNotContaining("not-an-email");
    assertThat(Seed.count(db, "SELECT COUNT(*) FROM contact")).isZero();
  }

  @BothDatabases
  void vcardThreeAndFourWithFoldedLines(Database db) throws Exception {
    ContactsTest.twoDistributors(db);
    Path f = Files.writeString(dir.resolve("phone.vcf"), """
        BEGIN:VCARD
        VERSION:3.0
        N:Pop;Ioana;;;
        FN:Ioana Pop
        TEL;TYPE=CELL:+40 721 234 567
        EMAIL;TYPE=INTERNET:ioana@x.ro
        ORG:Școala 5;Parents
        NOTE:Met at the school\\, likes
          running
        END:VCARD
        BEGIN:VCARD
        VERSION:4.0
        N:Dan;Radu;;;
        TEL;VALUE=uri:tel:+40-722-000-111
        item1.EMAIL:radu@x.ro
        END:VCARD
        """);
    ContactImport.Report r = new ContactImport(db).vcard(ANA, f, null, DAY);
    assertThat(r.added()).isEqualTo(2);
    ContactStore.Contact ioana = new Contacts(db).get(ANA, new Contacts(db).list(ANA, "ioana").getFirst().id());
    assertThat(ioana.organisation()).isEqualTo("Școala 5");
    assertThat(ioana.notes()).isEqualTo("Met at the school, likes running"); // the folded line joined, one leading space dropped
    ContactStore.Contact radu = new Contacts(db).get(ANA, new Contacts(db).list(ANA, "radu").getFirst().id());
    assertThat(radu.name()).isEqualTo("Radu Dan"); // from N: given then family
    assertThat(radu.channels()).extracting(ContactStore.Channel::normalised).containsExactly("radu@x.ro", "+40722000111"); // emails, then phones
    // The same file again: every card a duplicate, nothing added.
    assertThat(new ContactImport(db).vcard(ANA, f, null, DAY).added()).isZero();
  }

  @BothDatabases
  void aBadVcardIsRefusedWithItsLine(Database db) throws Exception {
    ContactsTest.twoDistributors(db);
    Path f = Files.writeString(dir.resolve("bad.vcf"), """
        BEGIN:VCARD
        VERSION:2.1
        FN:Old Phone
        END:VCARD
        BEGIN:VCARD
        VERSION:4.0
        EMAIL:nobody
        END:VCARD
        BEGIN:VCARD
        VERSION:4.0
        FN:Never ended
        """);
    assertThatThrownBy(() -> new ContactImport(db).vcard(ANA, f, null, DAY))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).errors()).extracting(x -> x.line() + " " + x.reason()).containsExactly(
            "2 vCard 2.1 is not read; 3.0 and 4.0 are", "5 the card has no name (FN or N)", "9 the card is not ended (END:VCARD missing)"));
    assertThat(Seed.count(db, "SELECT COUNT(*) FROM contact")).isZero();
  }
}
