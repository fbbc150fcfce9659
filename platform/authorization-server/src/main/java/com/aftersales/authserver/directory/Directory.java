package com.aftersales.authserver.directory;

import java.util.List;
import java.util.Optional;

/** Who may get tokens: people (login form) and machine clients (client credentials). */
public record Directory(List<DirectoryUser> users, List<DirectoryClient> clients) {

    public static final Directory EMPTY = new Directory(List.of(), List.of());

    public Directory {
        users = users == null ? List.of() : List.copyOf(users);
        clients = clients == null ? List.of() : List.copyOf(clients);
    }

    public Optional<DirectoryUser> user(String username) {
        return users.stream().filter(user -> user.username().equals(username)).findFirst();
    }

    public Optional<DirectoryClient> client(String clientId) {
        return clients.stream().filter(client -> client.clientId().equals(clientId)).findFirst();
    }
}
