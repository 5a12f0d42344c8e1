package org.downline.cli;

import org.downline.core.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.downline.store.Database;
import org.downline.web.security.Account;
import org.downline.web.security.UserStore;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code downline users add|list}: web logins (bcrypt hashes in the database). */
@Command(
    name = "users",
    mixinStandardHelpOptions = true,
    description = "Web logins: add an admin or a distributor login, list logins.",
    subcommands = {UsersCommand.Add.class, UsersCommand.ListLogins.class})
public final class UsersCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  @Command(name = "add", mixinStandardHelpOptions = true,
      description = {
        "Adds a login. Without --password-stdin a random password is made and printed once.",
        "Examples: downline users add --admin alice;  downline users add --distributor D1001"
      })
  static final class Add implements Callable<Integer> {
    static final class Who {
      @Option(names = "--admin", paramLabel = "USERNAME", description = "an admin (company staff) login")
      String admin;

      @Option(names = "--distributor", paramLabel = "MEMBER_ID", description = "a login for this distributor")
      String distributor;
    }

    @ArgGroup(exclusive = true, multiplicity = "1") Who who;

    @Option(names = "--username", description = "username for a distributor login (default: the member id)")
    String username;

    @Option(names = "--password-stdin", description = "read the password from the first line of standard input")
    boolean passwordStdin;

    @Mixin DatabaseOption database;

    @Override
    public Integer call() throws IOException {
      String password = passwordStdin
          ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine()
          : UserStore.randomSecret(14);
      if (password == null) throw InvalidInputException.parameter("--password-stdin", "no password on standard input");
      try (Database db = database.open()) {
        UserStore users = new UserStore(db);
        Account a = who.admin != null
            ? users.add(who.admin, password.strip(), Account.Role.ADMIN, null)
            : users.add(username != null ? username : who.distributor, password.strip(), Account.Role.DISTRIBUTOR,
                who.distributor);
        System.out.println("added " + a.role().code() + " login '" + a.username() + "'"
            + (a.memberId() == null ? "" : " for member " + a.memberId()));
        if (!passwordStdin) System.out.println("password: " + password);
        return 0;
      }
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the logins.")
  static final class ListLogins implements Callable<Integer> {
    @Mixin DatabaseOption database;

    @Override
    public Integer call() {
      try (Database db = database.open()) {
        for (UserStore.Listed u : new UserStore(db).list()) {
          System.out.println(u.username() + "\t" + u.role() + "\t" + (u.memberId() == null ? "" : u.memberId()) + "\t"
              + (u.enabled() ? "enabled" : "disabled"));
        }
        return 0;
      }
    }
  }
}
