#ifndef PREFORK_HANDLERS_H
#define PREFORK_HANDLERS_H
void handle_client(int fd);
#endif
