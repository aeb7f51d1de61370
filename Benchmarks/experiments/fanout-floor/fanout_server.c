/* fanout_server <port> <N> <R msgs/s, 0=saturate> <S seconds> <threads 1|2> */
#include "common.h"
static int N,R,S,T; static int *fds; static uint64_t t0;
typedef struct {int lo,hi; uint64_t sent,skipped,partial,bsum,bmax,nb; int *pend; char (*pbuf)[MSGLEN];} targ;
/* STOMP-like frame inside a WS text frame (server->client, unmasked). Header 2 bytes + 198 payload */
static void build(char *m, uint64_t ts, uint64_t seq){
  memset(m,' ',MSGLEN); m[0]=(char)0x81; m[1]=(char)(MSGLEN-2);
  int k=snprintf(m+2,MSGLEN-2,"MESSAGE\ndestination:/topic/bench\nsubscription:sub-0\nmessage-id:%llu\nts:%020llu\ncontent-length:16\n\n",(unsigned long long)seq,(unsigned long long)ts);
  m[2+k]=' '; m[MSGLEN-1]=0; }
static int trywrite(targ*a,int i,const char*m){ /* returns 1 if full msg accepted */
  int fd=fds[i];
  if(a->pend[i]){ int off=MSGLEN-a->pend[i]; ssize_t w=write(fd,a->pbuf[i]+off,a->pend[i]);
    if(w>0)a->pend[i]-=w; if(a->pend[i]){a->skipped++;return 0;} }
  ssize_t w=write(fd,m,MSGLEN);
  if(w==MSGLEN)return 1;
  if(w<0){ if(errno==EAGAIN){a->skipped++;return 0;} die("write"); }
  a->partial++; memcpy(a->pbuf[i],m,MSGLEN); a->pend[i]=MSGLEN-w; return 1;
}
static void *run(void*p){ targ*a=p; char m[MSGLEN];
  a->pend=calloc(N,sizeof(int)); a->pbuf=malloc((size_t)N*MSGLEN);
  uint64_t end=t0+(uint64_t)S*1000000000ull;
  if(R>0){ uint64_t period=1000000000ull/R; long ticks=(long)R*S;
    for(long k=0;k<ticks;k++){ uint64_t due=t0+k*period; struct timespec ts={due/1000000000ull,due%1000000000ull};
      clock_nanosleep(CLOCK_MONOTONIC,TIMER_ABSTIME,&ts,NULL);
      uint64_t b0=now_ns(); build(m,b0,k); /* timestamp taken just before the write loop; each socket gets same ts */
      for(int i=a->lo;i<a->hi;i++) a->sent+=trywrite(a,i,m);
      uint64_t bd=now_ns()-b0; a->bsum+=bd; a->nb++; if(bd>a->bmax)a->bmax=bd;
    }
  } else { uint64_t k=0; while(now_ns()<end){ build(m,now_ns(),k++); for(int i=a->lo;i<a->hi;i++) a->sent+=trywrite(a,i,m);} }
  return NULL; }
int main(int c,char**v){ int port=c>1?atoi(v[1]):9000; N=c>2?atoi(v[2]):1000; R=c>3?atoi(v[3]):10; S=c>4?atoi(v[4]):15; T=c>5?atoi(v[5]):1; if(T<1)T=1; if(T>2)T=2; /* 1 or 2 threads */ signal(SIGPIPE,SIG_IGN);
  int ls=socket(AF_INET,SOCK_STREAM,0); int one=1; setsockopt(ls,SOL_SOCKET,SO_REUSEADDR,&one,sizeof one);
  struct sockaddr_in sa={.sin_family=AF_INET,.sin_port=htons(port)}; sa.sin_addr.s_addr=htonl(0x7f000001);
  if(bind(ls,(void*)&sa,sizeof sa))die("bind"); if(listen(ls,4096))die("listen");
  fds=malloc(N*sizeof(int));
  for(int i=0;i<N;i++){ int fd=accept(ls,NULL,NULL); if(fd<0)die("accept"); setnb(fd); setnd(fd); fds[i]=fd; }
  fprintf(stderr,"server: %d accepted, threads=%d R=%d S=%d\n",N,T,R,S);
  usleep(500000); /* let client settle into epoll_wait */
  cpu_t c0=cpu_now(); t0=now_ns()+1000000;
  pthread_t th[2]; targ a[2]={{0}}; for(int t=0;t<T;t++){a[t].lo=N*t/T;a[t].hi=N*(t+1)/T;pthread_create(&th[t],NULL,run,&a[t]);}
  uint64_t sent=0,sk=0,pa=0; for(int t=0;t<T;t++){pthread_join(th[t],NULL);sent+=a[t].sent;sk+=a[t].skipped;pa+=a[t].partial;}
  uint64_t bs=0,bn=0,bm=0; for(int t=0;t<T;t++){bs+=a[t].bsum;bn+=a[t].nb;if(a[t].bmax>bm)bm=a[t].bmax;}
  uint64_t t1=now_ns(); cpu_t c1=cpu_now(); double du=(c1.u-c0.u)*1e6,ds=(c1.s-c0.s)*1e6;
  printf("SERVER threads=%d R=%d S=%d N=%d sent=%llu skipped=%llu partial=%llu wall=%.3fs rate=%.0f/s cpu_user=%.3fs cpu_sys=%.3fs us_per_delivery user=%.3f sys=%.3f write_loop_per_burst(per thread) avg=%.3fms max=%.3fms\n",
    T,R,S,N,(unsigned long long)sent,(unsigned long long)sk,(unsigned long long)pa,(t1-t0)/1e9,sent/((t1-t0)/1e9),du/1e6,ds/1e6,du/sent,ds/sent,bn?bs/1e6/bn:0,bm/1e6);
  fflush(stdout);
  usleep(300000); for(int i=0;i<N;i++)close(fds[i]); close(ls); return 0; }
