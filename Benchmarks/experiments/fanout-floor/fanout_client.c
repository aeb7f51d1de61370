/* fanout_client <port> <N> <threads 1|2> <drain 0|1> <R> <S>   (R,S only for expected count) */
#include "common.h"
#define HB 1000000   /* 1us buckets up to 1s */
#define HO 100000    /* 1ms buckets 1s..100s */
#define MAXSEQ 100000
static int N,T,DRAIN; static int *fds;
typedef struct {int lo,hi; uint32_t *h,*ho; uint64_t cnt,maxns,reads,eagain,first,last; uint64_t *seqmax; int closed;} carg;
typedef struct {int fd,have; char buf[MSGLEN];} conn;
static void *run(void*p){ carg*a=p; int ep=epoll_create1(0); int n=a->hi-a->lo;
  conn *cs=calloc(n,sizeof(conn));
  for(int i=0;i<n;i++){cs[i].fd=fds[a->lo+i]; struct epoll_event e={.events=EPOLLIN,.data.ptr=&cs[i]}; epoll_ctl(ep,EPOLL_CTL_ADD,cs[i].fd,&e);}
  struct epoll_event ev[256]; static __thread char rb[65536];
  while(a->closed<n){ int k=epoll_wait(ep,ev,256,-1); if(k<0){if(errno==EINTR)continue;die("epoll_wait");}
    for(int j=0;j<k;j++){ conn*c=ev[j].data.ptr;
      for(;;){ ssize_t r=read(c->fd,rb,sizeof rb); a->reads++;
        if(r==0){epoll_ctl(ep,EPOLL_CTL_DEL,c->fd,NULL);close(c->fd);a->closed++;break;}
        if(r<0){ if(errno==EAGAIN){a->eagain++;break;} die("read"); }
        uint64_t now=now_ns(); /* one clock read per read() batch */
        ssize_t off=0;
        while(off<r){ int need=MSGLEN-c->have; int take=r-off<need?r-off:need; memcpy(c->buf+c->have,rb+off,take); c->have+=take; off+=take;
          if(c->have==MSGLEN){ c->have=0; char*t=strstr(c->buf+2,"ts:"); char*q=strstr(c->buf+2,"message-id:");
            if(!t||!q){fprintf(stderr,"bad frame\n");exit(1);} uint64_t ts=strtoull(t+3,NULL,10), seq=strtoull(q+11,NULL,10);
            uint64_t l=now-ts; a->cnt++; if(l>a->maxns)a->maxns=l; if(!a->first)a->first=now; a->last=now;
            uint64_t us=l/1000; if(us<HB)a->h[us]++; else {uint64_t ms=l/1000000; a->ho[ms<HO?ms:HO-1]++;}
            if(seq<MAXSEQ && l>a->seqmax[seq])a->seqmax[seq]=l; } }
        if(!DRAIN)break; } } }
  return NULL; }
static double pct(uint32_t*h,uint32_t*ho,uint64_t cnt,double p){ uint64_t tgt=(uint64_t)(p*cnt); if(tgt>=cnt)tgt=cnt-1; uint64_t s=0;
  for(long i=0;i<HB;i++){s+=h[i]; if(s>tgt)return i/1000.0;} for(long i=0;i<HO;i++){s+=ho[i]; if(s>tgt)return 1000.0+i;} return -1; }
static int cmpu(const void*x,const void*y){uint64_t a=*(uint64_t*)x,b=*(uint64_t*)y;return a<b?-1:a>b;}
int main(int c,char**v){ int port=c>1?atoi(v[1]):9000; N=c>2?atoi(v[2]):1000; T=c>3?atoi(v[3]):1; if(T<1)T=1; if(T>2)T=2; /* 1 or 2 threads */ signal(SIGPIPE,SIG_IGN); DRAIN=c>4?atoi(v[4]):0; int R=c>5?atoi(v[5]):10,S=c>6?atoi(v[6]):15;
  fds=malloc(N*sizeof(int)); struct sockaddr_in sa={.sin_family=AF_INET,.sin_port=htons(port)}; sa.sin_addr.s_addr=htonl(0x7f000001);
  for(int i=0;i<N;i++){ int fd=socket(AF_INET,SOCK_STREAM,0); setnd(fd); for(int tries=0;;tries++){ if(connect(fd,(void*)&sa,sizeof sa)==0)break; if(tries>200)die("connect"); usleep(20000);} setnb(fd); fds[i]=fd; }
  fprintf(stderr,"client: %d connected, threads=%d drain=%d\n",N,T,DRAIN);
  cpu_t c0=cpu_now(); pthread_t th[2]; carg a[2]={{0}};
  for(int t=0;t<T;t++){a[t].lo=N*t/T;a[t].hi=N*(t+1)/T;a[t].h=calloc(HB,4);a[t].ho=calloc(HO,4);a[t].seqmax=calloc(MAXSEQ,8);pthread_create(&th[t],NULL,run,&a[t]);}
  for(int t=0;t<T;t++)pthread_join(th[t],NULL);
  cpu_t c1=cpu_now(); uint64_t cnt=0,mx=0,rd=0,ea=0,first=~0ull,last=0;
  for(int t=1;t<T;t++){ for(long i=0;i<HB;i++)a[0].h[i]+=a[t].h[i]; for(long i=0;i<HO;i++)a[0].ho[i]+=a[t].ho[i]; for(long i=0;i<MAXSEQ;i++)if(a[t].seqmax[i]>a[0].seqmax[i])a[0].seqmax[i]=a[t].seqmax[i]; }
  for(int t=0;t<T;t++){cnt+=a[t].cnt; if(a[t].maxns>mx)mx=a[t].maxns; rd+=a[t].reads; ea+=a[t].eagain; if(a[t].first&&a[t].first<first)first=a[t].first; if(a[t].last>last)last=a[t].last;}
  /* per-burst "last receiver" latency distribution */
  uint64_t *bm=malloc(MAXSEQ*8); long nb=0; for(long i=0;i<MAXSEQ;i++) if(a[0].seqmax[i]) bm[nb++]=a[0].seqmax[i]; qsort(bm,nb,8,cmpu);
  double du=(c1.u-c0.u)*1e6,ds=(c1.s-c0.s)*1e6; uint64_t exp=(uint64_t)R*S*N;
  printf("CLIENT threads=%d drain=%d delivered=%llu expected=%llu lost=%lld p50=%.3fms p99=%.3fms p999=%.3fms max=%.3fms | burst_last(per msg max over %ld bursts): p50=%.3fms p99=%.3fms max=%.3fms | reads=%llu eagain=%llu span=%.3fs rate=%.0f/s cpu_user=%.3fs cpu_sys=%.3fs us_per_delivery user=%.3f sys=%.3f\n",
    T,DRAIN,(unsigned long long)cnt,(unsigned long long)exp,(long long)exp-(long long)cnt, pct(a[0].h,a[0].ho,cnt,.5),pct(a[0].h,a[0].ho,cnt,.99),pct(a[0].h,a[0].ho,cnt,.999),mx/1e6,
    nb, nb?bm[nb/2]/1e6:0, nb?bm[(long)(nb*0.99)<nb?(long)(nb*0.99):nb-1]/1e6:0, nb?bm[nb-1]/1e6:0,
    (unsigned long long)rd,(unsigned long long)ea,(last-first)/1e9,cnt/((last-first)/1e9+1e-9),du/1e6,ds/1e6,du/cnt,ds/cnt);
  return 0; }
