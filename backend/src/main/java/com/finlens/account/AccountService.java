package com.finlens.account;

import com.finlens.account.signin.SessionService;
import com.finlens.account.signin.WebSession;
import com.finlens.account.signin.tokens.ExtensionTokenService;
import com.finlens.account.signin.tokens.TokenFamily;
import com.finlens.account.user.User;
import com.finlens.account.user.UserRepository;
import com.finlens.platform.auth.Secrets;
import com.finlens.platform.http.ApiException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.List;

/**
 * The account and the user's data rights: see the account with its sign-ins, revoke a web session or an
 * extension, export everything, delete everything. Web sessions are shown by a public id derived from the stored
 * hash, so the page never shows anything that identifies a cookie.
 */
public final class AccountService {

    private final UserRepository users;
    private final SessionService sessions;
    private final ExtensionTokenService extensionTokens;
    private final List<AccountDataHook> hooks;
    private final Clock clock;

    public AccountService(UserRepository users, SessionService sessions, ExtensionTokenService extensionTokens,
                          List<AccountDataHook> hooks, Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.extensionTokens = extensionTokens;
        this.hooks = List.copyOf(hooks);
        this.clock = clock;
    }

    /** The user, their web sessions and their extensions; {@code currentSessionHash} marks this browser. */
    public Future<JsonObject> overview(long userId, String currentSessionHash) {
        return user(userId).compose(user -> sessions.listForUser(userId)
                .compose(webSessions -> extensionTokens.devices(userId).map(devices -> new JsonObject()
                        .put("user", userJson(user))
                        .put("sessions", sessionsJson(webSessions, currentSessionHash))
                        .put("devices", devicesJson(devices)))));
    }

    /** Everything stored about the user, without secrets or token hashes. */
    public Future<JsonObject> export(long userId) {
        JsonObject export = new JsonObject().put("exportedAt", clock.instant().toString());
        Future<Void> chain = overview(userId, null).map(o -> {
            export.mergeIn(o);
            return null;
        });
        for (AccountDataHook hook : hooks) {
            chain = chain.compose(v -> hook.export(userId)).map(section -> {
                export.put(hook.section(), section);
                return null;
            });
        }
        return chain.map(export);
    }

    /**
     * Deletes the account. {@code confirmation} must be the account's email. Hooks run first; then the user row
     * goes and the database cascades to conversations, messages, sessions and tokens.
     */
    public Future<Void> delete(long userId, String confirmation) {
        return user(userId).compose(user -> {
            if (confirmation == null || !confirmation.strip().equalsIgnoreCase(user.getEmail())) {
                return Future.failedFuture(ApiException.badRequest("confirm",
                        "Type your email address (" + user.getEmail() + ") to confirm."));
            }
            Future<Void> chain = Future.succeededFuture();
            for (AccountDataHook hook : hooks) {
                chain = chain.compose(v -> hook.deleteAll(userId));
            }
            return chain.compose(v -> users.delete(userId)).mapEmpty();
        });
    }

    /** Ends one of the user's web sessions by its public id; 404 when it is not theirs. */
    public Future<Void> revokeSession(long userId, String publicId) {
        return sessions.listForUser(userId).compose(list -> list.stream()
                .filter(s -> publicId(s.getIdHash()).equals(publicId))
                .findFirst()
                .map(s -> sessions.revokeForUser(userId, s.getIdHash()).<Void>mapEmpty())
                .orElseGet(() -> Future.failedFuture(ApiException.notFound("The session"))));
    }

    /** Signs one of the user's extensions out; 404 when it is not theirs. */
    public Future<Void> revokeDevice(long userId, String familyId) {
        return extensionTokens.revokeDevice(userId, familyId).map(revoked -> {
            if (!revoked) {
                throw ApiException.notFound("The device");
            }
            return null;
        });
    }

    /** The id a web session is shown and revoked by: a hash of the stored hash, so it is no cookie secret. */
    public static String publicId(String sessionHash) {
        return Secrets.sha256("session:" + sessionHash).substring(0, 32);
    }

    private Future<User> user(long userId) {
        return users.find(userId).map(user -> {
            if (user == null) {
                throw ApiException.unauthorized("Sign in to use this.");
            }
            return user;
        });
    }

    private static JsonObject userJson(User user) {
        return new JsonObject()
                .put("id", user.getId())
                .put("email", user.getEmail())
                .put("name", user.getDisplayName())
                .put("createdAt", user.getCreatedAt().toString())
                .put("lastSeenAt", user.getLastSeenAt().toString());
    }

    private static JsonArray sessionsJson(List<WebSession> list, String currentSessionHash) {
        JsonArray out = new JsonArray();
        for (WebSession s : list) {
            out.add(new JsonObject()
                    .put("id", publicId(s.getIdHash()))
                    .put("current", s.getIdHash().equals(currentSessionHash))
                    .put("createdAt", s.getCreatedAt().toString())
                    .put("lastSeenAt", s.getLastSeenAt().toString())
                    .put("expiresAt", s.getExpiresAt().toString())
                    .put("userAgent", s.getUserAgent())
                    .put("ipAddress", s.getIpAddress()));
        }
        return out;
    }

    private static JsonArray devicesJson(List<TokenFamily> list) {
        JsonArray out = new JsonArray();
        for (TokenFamily f : list) {
            out.add(new JsonObject()
                    .put("id", f.getId())
                    .put("createdAt", f.getCreatedAt().toString())
                    .put("lastUsedAt", f.getLastUsedAt().toString())
                    .put("userAgent", f.getUserAgent())
                    .put("ipAddress", f.getIpAddress()));
        }
        return out;
    }
}
