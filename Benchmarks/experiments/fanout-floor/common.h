#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <unistd.h>
#include <errno.h>
#include <fcntl.h>
#include <time.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#define MSGLEN 200
static inline uint64_t now_ns(void){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return (uint64_t)t.tv_sec*1000000000ull+t.tv_nsec;}
static void setnb(int fd){int f=fcntl(fd,F_GETFL);fcntl(fd,F_SETFL,f|O_NONBLOCK);}
static void setnd(int fd){int one=1;setsockopt(fd,IPPROTO_TCP,TCP_NODELAY,&one,sizeof one);}
static void die(const char*s){perror(s);exit(1);}
typedef struct {double u,s;} cpu_t;
static cpu_t cpu_now(void){struct rusage r;getrusage(RUSAGE_SELF,&r);cpu_t c={r.ru_utime.tv_sec+r.ru_utime.tv_usec/1e6,r.ru_stime.tv_sec+r.ru_stime.tv_usec/1e6};return c;}
