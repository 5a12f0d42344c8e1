package org.downline.cli;

import org.downline.core.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.downline.store.Database;
import org.downline.core.NotFoundException;
import org.downline.web.security.Account;
import org.downline.web.security.ApiTokens;
import org.downline.web.security.AuditLog;
import org.downline.web.security.UserStore;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code downline users add|list|disable|enable|token}: web logins (bcrypt hashes in the database) and API tokens. */
@Command(
    name = "users",
    mixinStandardHelpOptions = true,
    description = "Web logins: add an admin or a distributor login, list, disable and enable logins, issue and revoke"
        + " API tokens.",
    subcommands = {UsersCommand.Add.class, UsersCommand.ListLogins.class, UsersCommand.Disable.class,
      UsersCommand.Enable.class, UsersCommand.Token.class})
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

  /** Who did it, for the audit log: the operating-system user at the command line. */
  static String actor() {
    return "cli:" + System.getProperty("user.name", "unknown");
  }

  static void audit(Database db, String action, String target, String detail) {
    new AuditLog(org.springframework.jdbc.core.simple.JdbcClient.create(db.dataSource()))
        .write(actor(), action, target, detail);
  }

  @Command(name = "disable", mixinStandardHelpOptions = true,
      description = "Disables a login: it can no longer sign in or use an API token (audited).")
  static final class Disable implements Callable<Integer> {
    @Parameters(paramLabel = "USERNAME") String username;
    @Mixin DatabaseOption database;

    @Override
    public Integer call() {
      return switchLogin(database, username, false);
    }
  }

  @Command(name = "enable", mixinStandardHelpOptions = true, description = "Enables a disabled login again (audited).")
  static final class Enable implements Callable<Integer> {
    @Parameters(paramLabel = "USERNAME") String username;
    @Mixin DatabaseOption database;

    @Override
    public Integer call() {
      return switchLogin(database, username, true);
    }
  }

  static int switchLogin(DatabaseOption database, String username, boolean enabled) {
    try (Database db = database.open()) {
      if (!new UserStore(db).setEnabled(username, enabled)) throw new NotFoundException("no login '" + username + "'");
      audit(db, enabled ? "login.enable" : "login.disable", "login " + username, null);
      System.out.println((enabled ? "enabled" : "disabled") + " login '" + username + "'");
      return 0;
    }
  }

  @Command(name = "token", mixinStandardHelpOptions = true,
      description = "API tokens: issue one for a login (shown once), revoke one by its id, list them.",
      subcommands = {Token.Issue.class, Token.Revoke.class, Token.ListTokens.class})
  static final class Token implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
      spec.commandLine().usage(System.out);
    }

    @Command(name = "issue", mixinStandardHelpOptions = true,
        description = "Issues an API token for a login and prints it once (send it as Authorization: Bearer TOKEN).")
    static final class Issue implements Callable<Integer> {
      @Parameters(paramLabel = "USERNAME") String username;
      @Option(names = "--label", description = "what the token is for, e.g. the client's name") String label;
      @Mixin DatabaseOption database;

      @Override
      public Integer call() {
        try (Database db = database.open()) {
          ApiTokens tokens = new ApiTokens(db, new UserStore(db));
          String token = tokens.issue(username, label, actor());
          long id = tokens.list().getLast().id();
          audit(db, "token.issue", "login " + username, "token " + id);
          System.out.println("token " + id + " for '" + username + "': " + token);
          return 0;
        }
      }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revokes an API token by its id.")
    static final class Revoke implements Callable<Integer> {
      @Parameters(paramLabel = "ID") long id;
      @Mixin DatabaseOption database;

      @Override
      public Integer call() {
        try (Database db = database.open()) {
          if (!new ApiTokens(db, new UserStore(db)).revoke(id, actor())) {
            throw new NotFoundException("no live token with id " + id);
          }
          audit(db, "token.revoke", "token " + id, null);
          System.out.println("revoked token " + id);
          return 0;
        }
      }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the API tokens (never the tokens).")
    static final class ListTokens implements Callable<Integer> {
      @Mixin DatabaseOption database;

      @Override
      public Integer call() {
        try (Database db = database.open()) {
          for (ApiTokens.Listed t : new ApiTokens(db, new UserStore(db)).list()) {
            System.out.println(t.id() + "\t" + t.username() + "\t" + (t.label() == null ? "" : t.label()) + "\t"
                + (t.revokedAt() == null ? "live" : "revoked " + t.revokedAt()));
          }
          return 0;
        }
      }
    }
  }
}
