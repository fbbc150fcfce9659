package com.aftersales.authserver.login;

import com.aftersales.authserver.directory.DirectoryFile;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** The login form's users: the directory's people, their roles as {@code ROLE_*} authorities. */
public final class DirectoryUsers implements UserDetailsService {

    /** Passwords in the demo directory are stored as printed; the delegating encoder needs the tag. */
    private static final String PLAIN_PASSWORD = "{noop}";
    private static final String ROLE_PREFIX = "ROLE_";

    private final DirectoryFile directory;

    public DirectoryUsers(DirectoryFile directory) {
        this.directory = directory;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return directory.current().user(username)
                .map(user -> User.withUsername(user.username())
                        .password(PLAIN_PASSWORD + user.password())
                        .authorities(user.roles().stream().map(role -> ROLE_PREFIX + role).toArray(String[]::new))
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }
}
